# a 1 MB label on one line
mkdir -p content
cp -r "$here/../content/cpi" content/
{ printf 'THA,๒๕๗๕,๖๐,๓๐,"'; head -c 1048576 /dev/zero | tr '\0' 'x'; printf '",nonesuch\n'; } >>content/cpi/targets.csv
