/** The UI's one HTML page and its stylesheet. Everything is served locally; nothing from a CDN. */
export const UI_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Origo</title><link rel="icon" href="/app/icon.png" type="image/png"><link rel="stylesheet" href="/app/app.css">
<script defer src="/app/app.js"></script></head>
<body><a class="skip" href="#main">Skip to content</a>
<header id="top" class="top-bar"></header>
<p id="status" class="status" role="status" aria-live="polite"></p>
<main id="main"></main>
<noscript><p>The Origo web interface needs JavaScript. The REST API is documented at <a href="/docs">/docs</a>.</p></noscript>
</body></html>`;

export const UI_CSS = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#f7f7f7}
a{color:#0b4f9c}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:4px 8px;z-index:9}
.top-bar{background:#12355b;color:#fff;padding:8px 16px}
.top-bar nav.top{display:flex;gap:16px;align-items:center;flex-wrap:wrap}
.top-bar .brand{font-weight:700;font-size:1.1rem;color:#fff}
.top-bar ul{display:flex;gap:12px;list-style:none;margin:0;padding:0;flex-wrap:wrap}
.top-bar a{color:#fff}.top-bar a[aria-current="page"]{font-weight:700;text-decoration-thickness:3px}
.top-bar .who{margin-left:auto;color:#e8eef5}
.top-bar button.link{color:#fff}
main{max-width:1100px;margin:0 auto;padding:8px 16px 48px}
h1{font-size:1.5rem}h1:focus{outline:none}
.status{max-width:1100px;margin:8px auto 0;padding:0 16px;min-height:1.5em;color:#1b5e20}
.status.error{color:#b00020;font-weight:600}
.card{background:#fff;border:1px solid #ccc;border-radius:6px;padding:12px 16px;margin:16px 0}
.card.narrow{max-width:380px}
.field{margin:8px 0;display:flex;flex-direction:column;gap:2px}
.check{margin:4px 0;display:flex;gap:8px;align-items:center}
input,select,textarea{font:inherit;padding:6px 8px;border:1px solid #767676;border-radius:4px;background:#fff;color:#1a1a1a;max-width:100%}
button{font:inherit;padding:6px 14px;border-radius:4px;border:1px solid #12355b;background:#12355b;color:#fff;cursor:pointer;margin:4px 4px 4px 0}
button.link{background:none;border:none;color:#0b4f9c;text-decoration:underline;padding:2px 4px}
button:focus-visible,a:focus-visible,input:focus-visible,select:focus-visible,textarea:focus-visible,summary:focus-visible{outline:3px solid #e8a317;outline-offset:2px}
table{border-collapse:collapse;width:100%;background:#fff;margin:16px 0}
caption{text-align:left;font-weight:600;padding:4px 0}
th,td{border-bottom:1px solid #ddd;padding:6px 8px;text-align:left;vertical-align:top}
td.num{text-align:right;font-variant-numeric:tabular-nums}
td.actions button{padding:2px 8px}
.st-done{color:#1b5e20;font-weight:600}.st-failed{color:#b00020;font-weight:600}
.progress{list-style:none;padding:0}
progress{width:200px;vertical-align:middle}
summary{cursor:pointer;font-weight:600}
.hint{color:#444;margin:4px 0}
.histogram{background:#fff;border:1px solid #ccc;border-radius:6px;margin:16px 0;padding:12px}
.histogram .bars{display:flex;align-items:flex-end;gap:6px;height:180px;list-style:none;padding:0;margin:0}
.histogram li{flex:1;display:flex;flex-direction:column;justify-content:flex-end;height:100%}
.histogram .bar{display:block;background:#12355b;min-height:1px}
.histogram .bl{font-size:.75rem;text-align:center}
@media (max-width:700px){table{font-size:.9rem;display:block;overflow-x:auto}td.actions{white-space:normal}.top-bar .who{margin-left:0}}
`;
