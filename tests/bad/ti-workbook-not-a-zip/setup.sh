# a TI workbook that is an HTML error page saved as .xlsx
mkdir -p content
cp -r "$here/../content/cpi" content/
printf '<!DOCTYPE html><html><body>404 Not Found</body></html>\n' >content/cpi/CPI2024_GlobalResults.xlsx
