//! `--html FILE`: one self-contained page (inline CSS, JS and SVG; nothing fetched, so it
//! opens from a USB stick) that embeds the run's trace JSON and draws it: lane timelines with
//! zoom, pan and details, the `--stats` table, the source with per-line counts per thread;
//! for `explore` the outcome table with each witness's timeline; for `compare` the models.

use serde_json::{Value, json};

use super::recording::Recording;

const CSS: &str = include_str!("report.css");
const JS: &str = include_str!("report.js");

/// One run as the page shows it: its trace and what goes with it.
pub fn run_entry(rec: &Recording, program: &str, stats: &str) -> Value {
    json!({
        "trace": super::trace_json::document(rec, program),
        "stats": stats,
        "line_counts": line_counts(rec, program),
    })
}

/// Per thread (by lane name), how often each line of `program` was entered.
fn line_counts(rec: &Recording, program: &str) -> Value {
    let mut out = serde_json::Map::new();
    for lane in &rec.lanes {
        let counts: serde_json::Map<String, Value> = lane
            .line_counts
            .iter()
            .filter(|((file, _), _)| &**file == program)
            .map(|((_, line), n)| (line.to_string(), json!(n)))
            .collect();
        if !counts.is_empty() {
            out.insert(lane.name.clone(), Value::Object(counts));
        }
    }
    Value::Object(out)
}

/// The page: `kind` is "run", "explore" or "compare" (what report.js draws), `runs` their
/// entries, `extra` more fields of the page's data (the compare table, ...).
pub fn page(
    kind: &str,
    title: &str,
    subtitle: &str,
    source: Option<(&str, &str)>,
    runs: Vec<Value>,
    extra: Value,
) -> String {
    let mut data = json!({"kind": kind, "runs": runs});
    if let Some((file, text)) = source {
        data["source"] = json!({"file": file, "lines": text.lines().collect::<Vec<_>>()});
    }
    if let Value::Object(fields) = extra {
        for (k, v) in fields {
            data[k] = v;
        }
    }
    // Inside <script>, "</script>" or "<!--" in a string would end or hide the element: every
    // '<' is written as the JSON escape \u003c, which JSON.parse reads back as '<'.
    let embedded = data.to_string().replace('<', "\\u003c");
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n\
         <title>{title}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n\
         <div class=\"controls\"><h1>{title}</h1><button id=\"theme\" type=\"button\">light / dark</button></div>\n\
         <div class=\"sub\">{subtitle}</div>\n<div id=\"main\"></div>\n<div id=\"tooltip\"></div>\n\
         <script type=\"application/json\" id=\"gilsim-data\">{embedded}</script>\n\
         <script>\n{JS}</script>\n</body>\n</html>\n",
        title = escape(title),
        subtitle = escape(subtitle),
    )
}

/// Text for HTML element content and attributes.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_data_cannot_end_its_script_element() {
        let html = page(
            "run",
            "a <b> title",
            "sub",
            Some(("p.py", "print('</script><!--')\n")),
            vec![],
            json!({}),
        );
        assert_eq!(html.matches("</script>").count(), 2, "{html}");
        assert!(!html.contains("<!--"));
        assert!(html.contains("<title>a &lt;b&gt; title</title>"));
        let start = html.find("id=\"gilsim-data\">").unwrap() + "id=\"gilsim-data\">".len();
        let end = start + html[start..].find("</script>").unwrap();
        let data: Value = serde_json::from_str(&html[start..end]).unwrap();
        assert_eq!(data["source"]["lines"][0], "print('</script><!--')");
    }
}
