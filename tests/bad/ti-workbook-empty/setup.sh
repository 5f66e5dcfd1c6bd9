# an empty TI workbook (a failed download)
mkdir -p content
cp -r "$here/../content/cpi" content/
: >content/cpi/CPI2024_GlobalResults.xlsx
