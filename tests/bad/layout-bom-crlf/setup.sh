# a BOM and CRLF line ends, as Notepad saves: the problem is still found at its line
mkdir -p content/test/2567 layouts
plan_head 'layout: notepad' >content/test/2567/plan.md
printf '\xef\xbb\xbf{\r\n  "name": "notepad",\r\n\r\n  "colours": {"text": "black"}\r\n}\r\n' >layouts/notepad.json
