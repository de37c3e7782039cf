import Foundation
import TrainingOps

/// Text made safe for HTML: `&`, `<`, `>`, `"` and `'` escaped.
func esc(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for c in text.unicodeScalars {
        switch c {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        default: out.unicodeScalars.append(c)
        }
    }
    return out
}

/// A query value percent-encoded for a link.
func urlEncode(_ text: String) -> String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
}

/// The pages of the server, one section of the site each.
enum Section: String, CaseIterable {
    case check = "/", weekly = "/bao-cao-tuan", forms = "/bieu-mau", rules = "/quy-tac"

    func title(_ lang: Language) -> String {
        switch self {
        case .check: return lang.pick("Kiểm tra", "Check")
        case .weekly: return lang.pick("Báo cáo tuần", "Weekly report")
        case .forms: return lang.pick("Biểu mẫu", "Forms")
        case .rules: return lang.pick("Quy tắc", "Rules")
        }
    }
}

/// The frame of every page: title, menu, language switch, then `body`.
func page(_ title: String, _ lang: Language, section: Section?, path: String, _ body: String) -> String {
    let menu = Section.allCases.map { s in
        "<a href=\"\(s.rawValue)\"\(s == section ? " class=\"here\" aria-current=\"page\"" : "")>\(esc(s.title(lang)))</a>"
    }.joined()
    let other: Language = lang == .vi ? .en : .vi
    let sep = path.contains("?") ? "&amp;" : "?"
    let switchLink = "<a class=\"lang\" href=\"\(esc(path))\(sep)lang=\(other.rawValue)\" lang=\"\(other.rawValue)\">\(other == .en ? "English" : "Tiếng Việt")</a>"
    return """
        <!doctype html>
        <html lang="\(lang.rawValue)"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(esc(title)) · TapHuan</title>
        <link rel="stylesheet" href="/style.css">
        </head><body>
        <header><span class="brand">TapHuan</span><nav>\(menu)</nav>\(switchLink)</header>
        <main>
        <h1>\(esc(title))</h1>
        \(body)
        </main>
        </body></html>
        """
}

/// The style sheet: plain, readable, printable.
let styleSheet = """
    body{font-family:system-ui,"Segoe UI",Roboto,Arial,sans-serif;margin:0;color:#1b1f24;background:#f6f7f9;line-height:1.45}
    header{display:flex;align-items:center;gap:1.5rem;background:#12355b;color:#fff;padding:.6rem 1.2rem;flex-wrap:wrap}
    header a{color:#dfe9f5;text-decoration:none;padding:.25rem .5rem;border-radius:4px}
    header a.here{background:#fff;color:#12355b;font-weight:600}
    header .brand{font-weight:700;font-size:1.15rem}
    header nav{display:flex;gap:.4rem;flex-wrap:wrap}
    header .lang{margin-left:auto;border:1px solid #dfe9f5}
    main{max-width:1200px;margin:0 auto;padding:1rem 1.2rem 3rem}
    h1{font-size:1.5rem;margin:.4rem 0 1rem}
    h2{font-size:1.2rem;margin:1.6rem 0 .6rem;border-bottom:2px solid #d7dde5;padding-bottom:.2rem}
    h3{font-size:1.05rem;margin:1.1rem 0 .4rem}
    form.box,section.box{background:#fff;border:1px solid #d7dde5;border-radius:6px;padding:1rem;margin:0 0 1rem}
    label{display:inline-block;margin:.3rem 1rem .3rem 0}
    input[type=text],select{padding:.3rem;border:1px solid #9aa5b1;border-radius:4px;font:inherit}
    button,.button{background:#12355b;color:#fff;border:0;border-radius:4px;padding:.45rem 1rem;font:inherit;cursor:pointer;text-decoration:none;display:inline-block}
    .drop{border:2px dashed #9aa5b1;border-radius:6px;padding:1.2rem;text-align:center;margin:.5rem 0;background:#fbfcfd}
    .drop.over{border-color:#12355b;background:#e8f0fa}
    table{border-collapse:collapse;width:100%;background:#fff;margin:.3rem 0 1rem}
    table#by-rule{width:auto;min-width:28rem}
    #settings td:nth-child(2),#settings td:nth-child(5){min-width:12rem}
    #settings td:nth-child(3){max-width:22rem;overflow-wrap:anywhere}
    #settings td:nth-child(4){white-space:nowrap}
    th,td{border:1px solid #d7dde5;padding:.3rem .5rem;text-align:left;vertical-align:top;font-size:.93rem}
    th{background:#eef2f6}
    td.n{text-align:right;font-variant-numeric:tabular-nums}
    .sev-error{color:#a4131e;font-weight:600}.sev-warning{color:#8a5a00;font-weight:600}.sev-info{color:#1d5d8a}
    tr.error td:first-child{border-left:4px solid #c62828}tr.warning td:first-child{border-left:4px solid #e0a100}tr.info td:first-child{border-left:4px solid #4a90c2}
    .stats{display:flex;gap:1rem;flex-wrap:wrap;margin:.5rem 0 1rem}
    .stat{background:#fff;border:1px solid #d7dde5;border-radius:6px;padding:.5rem 1rem;min-width:7rem}
    .stat b{display:block;font-size:1.4rem}
    .message{background:#fff4f4;border:1px solid #e3a3a3;border-radius:6px;padding:1rem}
    .note{color:#4b5563;font-size:.9rem}
    pre{background:#fff;border:1px solid #d7dde5;padding:.6rem;overflow:auto;font-size:.85rem}
    code{background:#eef2f6;padding:0 .2rem;border-radius:3px}
    #progress{display:none;margin:.5rem 0}
    @media print{header,form{display:none}}
    """

/// The few lines of JavaScript of the check page: files dropped on the zone go to the file
/// input, and the upload shows its progress. Without JavaScript the form posts as usual.
let uploadScript = """
    <script>
    (function(){
      var form=document.getElementById('upload'),input=document.getElementById('files'),zone=document.getElementById('drop'),bar=document.getElementById('progress');
      if(!form||!window.FormData||!window.XMLHttpRequest)return;
      ['dragenter','dragover'].forEach(function(e){zone.addEventListener(e,function(ev){ev.preventDefault();zone.classList.add('over');});});
      ['dragleave','drop'].forEach(function(e){zone.addEventListener(e,function(ev){ev.preventDefault();zone.classList.remove('over');});});
      zone.addEventListener('drop',function(ev){input.files=ev.dataTransfer.files;zone.querySelector('span').textContent=input.files.length+' '+zone.dataset.chosen;});
      input.addEventListener('change',function(){zone.querySelector('span').textContent=input.files.length+' '+zone.dataset.chosen;});
      form.addEventListener('submit',function(ev){
        ev.preventDefault();
        var xhr=new XMLHttpRequest();xhr.open('POST',form.action);
        bar.style.display='block';
        xhr.upload.onprogress=function(e){if(e.lengthComputable){bar.value=e.loaded/e.total;}};
        xhr.upload.onload=function(){bar.removeAttribute('value');};
        xhr.onload=function(){
          document.open();document.write(xhr.responseText);document.close();if(xhr.status<400&&xhr.responseURL){history.replaceState(null,'',xhr.responseURL);}
        };
        xhr.onerror=function(){bar.style.display='none';alert(zone.dataset.failed);};
        xhr.send(new FormData(form));
      });
    })();
    </script>
    """

/// `23/11/2026`: a date as the office writes it, day first.
func dayFirst(_ d: LocalDate) -> String { String(format: "%02d/%02d/%04d", d.day, d.month, d.year) }

/// `28/11/2026 09:00`.
func dayFirst(_ m: LocalMoment) -> String { dayFirst(m.date) + (m.time.map { " \($0)" } ?? "") }
