/// The application's own style sheet, served at `/assets/app.css`: mobile first (one column, large touch
/// targets), readable contrast (WCAG 2.1 AA), visible focus.
enum AppStyleSheet {
    static let css = """
        *{box-sizing:border-box}
        body{margin:0;font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;background:#fff}
        a{color:#0b4f8a}
        a:focus,button:focus,input:focus,select:focus,textarea:focus{outline:3px solid #b35c00;outline-offset:2px}
        .skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem}
        .skip:focus{left:.5rem}
        .app-header{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;padding:.5rem 1rem;background:#0b3d66;color:#fff}
        .app-header a{color:#fff}
        .app-header ul{display:flex;flex-wrap:wrap;gap:.25rem 1rem;list-style:none;margin:0;padding:0}
        .app-header [aria-current]{font-weight:bold;text-decoration-thickness:3px}
        .app-name{margin:0;font-weight:bold}
        .app-header .lang{margin:0 0 0 auto}
        .logout{display:flex;gap:.5rem;align-items:center}
        .logout button{background:#fff;color:#0b3d66}
        main{padding:1rem;max-width:60rem;margin:0 auto}
        h1{font-size:1.6rem;line-height:1.2}
        label{display:block;font-weight:600;margin-top:.75rem}
        input,select,textarea{font:inherit;width:100%;max-width:32rem;padding:.6rem;border:2px solid #555;border-radius:4px;background:#fff;color:#1b1b1b}
        input[type=hidden]{display:none}
        button{font:inherit;min-height:44px;padding:.5rem 1rem;border:2px solid #0b4f8a;border-radius:4px;background:#0b4f8a;color:#fff;cursor:pointer;margin-top:.75rem}
        button.secondary{background:#fff;color:#0b4f8a}
        .buttons{display:flex;flex-wrap:wrap;gap:.5rem}
        fieldset.event{border:2px solid #ccc;border-radius:6px;margin:1rem 0;padding:.5rem 1rem 1rem}
        legend{font-weight:bold;padding:0 .25rem}
        .hint{color:#4a4a4a;margin:.25rem 0}
        .optional{font-weight:normal;color:#4a4a4a}
        .field-error{color:#a4000f;font-weight:600;margin:.25rem 0}
        .has-error input,.has-error select,.has-error textarea{border-color:#a4000f}
        #error-summary{border:3px solid #a4000f;padding:.5rem 1rem;margin:1rem 0}
        .secret{border-left:6px solid #0b4f8a;padding:.5rem 1rem;background:#eef3f8}
        .row-form{margin-bottom:.5rem}
        #flash{border-left:6px solid #1f7a3a;padding:.5rem 1rem;background:#eef7f0}
        .cards{list-style:none;padding:0}
        .cards li{border:1px solid #ccc;border-radius:6px;padding:.75rem 1rem;margin:.5rem 0}
        .table-wrap{overflow-x:auto}
        table{border-collapse:collapse;width:100%}
        th,td{border-bottom:1px solid #ccc;padding:.4rem;text-align:left;vertical-align:top}
        td.num{text-align:right}
        form.inline{display:inline}
        form.inline input,form.inline select{width:auto}
        .visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
        .lagesbild-bar{padding:.5rem 1rem;border-bottom:1px solid #ccc;background:#f4f6f8}
        .lagesbild-bar a.download{margin-right:.5rem}
        code{word-break:break-all}
        """
}
