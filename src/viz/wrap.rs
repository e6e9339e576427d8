//! Fitting text to the terminal: a run of items (legend entries, a thread's figures) laid out
//! side by side while they fit, on the next line when they do not, and an item too long for
//! any line broken between its words. Widths are what the terminal shows: colour escapes
//! take no room and wide characters take two columns.

use console::measure_text_width as width_of;

/// Lays `items` out in lines at most `width` columns wide: the first line starts with
/// `first`, the later ones with `indent`; items on one line are `gap` apart. An item that no
/// line can hold is broken at its spaces (its later lines indented two more) and the next
/// item starts a new line, so that a broken entry does not run into the next one. Only a
/// single word wider than a line can overflow it.
pub fn pack<S: AsRef<str>>(
    first: &str,
    indent: &str,
    gap: &str,
    items: &[S],
    width: usize,
) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = Line::new(first);
    for item in items {
        let item = item.as_ref();
        if line.fits(gap, item, width) {
            line.push(gap, item);
            continue;
        }
        if line.has_items {
            lines.push(line.finish());
            line = Line::new(indent);
        }
        if line.fits(gap, item, width) {
            line.push(gap, item);
            continue;
        }
        let hanging = format!("{indent}  ");
        for word in item.split(' ') {
            if line.has_items && line.used + 1 + width_of(word) > width {
                lines.push(line.finish());
                line = Line::new(&hanging);
            }
            line.push(" ", word);
        }
        lines.push(line.finish());
        line = Line::new(indent);
    }
    if line.has_items || lines.is_empty() {
        lines.push(line.finish());
    }
    lines
}

struct Line {
    text: String,
    used: usize,
    has_items: bool,
}

impl Line {
    fn new(prefix: &str) -> Line {
        Line {
            text: prefix.to_string(),
            used: width_of(prefix),
            has_items: false,
        }
    }

    fn fits(&self, gap: &str, item: &str, width: usize) -> bool {
        let sep = if self.has_items { width_of(gap) } else { 0 };
        self.used + sep + width_of(item) <= width
    }

    /// Appends `item`, after `gap` unless it is the line's first.
    fn push(&mut self, gap: &str, item: &str) {
        if self.has_items {
            self.text.push_str(gap);
            self.used += width_of(gap);
        }
        self.text.push_str(item);
        self.used += width_of(item);
        self.has_items = true;
    }

    /// The line, without the spaces a prefix or a break left at its end.
    fn finish(self) -> String {
        self.text.trim_end().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_share_a_line_while_they_fit() {
        let lines = pack("legend: ", "  ", "  ", &["a b", "cc", "dd"], 80);
        assert_eq!(lines, ["legend: a b  cc  dd"]);
    }

    #[test]
    fn an_item_that_does_not_fit_goes_to_the_next_line_whole() {
        let lines = pack("legend: ", "  ", "  ", &["aaaa", "bbbb", "cccc"], 16);
        assert_eq!(lines, ["legend: aaaa", "  bbbb  cccc"]);
    }

    #[test]
    fn an_item_longer_than_a_line_is_broken_between_words() {
        let lines = pack("> ", "  ", "  ", &["x", "one two three four", "y"], 12);
        assert_eq!(lines, ["> x", "  one two", "    three", "    four", "  y"]);
        for l in &lines {
            assert!(width_of(l) <= 12, "{l:?}");
        }
    }

    #[test]
    fn colour_escapes_take_no_room() {
        let red = "\x1b[31m░\x1b[0m waiting";
        let lines = pack("", "", "  ", &[red, red], 20);
        assert_eq!(lines, [format!("{red}  {red}")]);
    }

    #[test]
    fn nothing_to_lay_out_leaves_the_first_line() {
        let none: [&str; 0] = [];
        assert_eq!(pack("switches: ", "", " ", &none, 40), ["switches:"]);
    }
}
