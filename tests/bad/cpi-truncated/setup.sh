# scores.csv cut off inside a quoted cell
mkdir -p content
cp -r "$here/../content/cpi" content/
printf 'THA,"ประเทศไ' >>content/cpi/scores.csv
