# a NUL byte in documents.csv
mkdir -p content
cp -r "$here/../content/cpi" content/
printf 'x,"title\0",publisher,,3\n' >>content/cpi/documents.csv
