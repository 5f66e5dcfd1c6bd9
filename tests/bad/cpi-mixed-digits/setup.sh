# Thai and Arabic digits in one score, and a score beyond the scale
mkdir -p content
cp -r "$here/../content/cpi" content/
printf 'THA,ประเทศไทย,2024,๓5,107,180,,,,,ti-cpi\nTHA,ประเทศไทย,2025,135,107,180,,,,,ti-cpi\n' >>content/cpi/scores.csv
