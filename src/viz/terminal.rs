//! Where a chart is drawn: how wide it may be and whether it may be coloured. The decisions
//! are pure functions of what was found out about the terminal and the environment, so they
//! are tested without one.

use std::ffi::OsStr;
use std::io::IsTerminal;

/// The width when nothing says otherwise (output piped or captured, no `COLUMNS`).
pub const DEFAULT_COLUMNS: usize = 100;

/// How a chart written to stderr should be laid out: (columns, colour).
pub fn for_stderr() -> (usize, bool) {
    let tty_width = stderr_width();
    let env_columns = std::env::var("COLUMNS").ok();
    let no_color = std::env::var_os("NO_COLOR");
    (
        columns(tty_width, env_columns.as_deref()),
        colour(std::io::stderr().is_terminal(), no_color.as_deref()),
    )
}

/// How wide stderr's terminal says it is (None when stderr is not a terminal). Asked through
/// rustix, not `console` or `terminal_size`: those report no size at all for a terminal whose
/// height is 0, which is what `stty cols 70` on a fresh pseudo-terminal leaves (`script`, some
/// containers), and the width is all a chart needs.
#[cfg(unix)]
fn stderr_width() -> Option<usize> {
    let size = rustix::termios::tcgetwinsize(std::io::stderr()).ok()?;
    Some(usize::from(size.ws_col))
}

#[cfg(not(unix))]
fn stderr_width() -> Option<usize> {
    console::Term::stderr()
        .size_checked()
        .map(|(_rows, cols)| usize::from(cols))
}

/// The width to draw at: the terminal's own when the chart goes to one (an exported
/// `COLUMNS` goes stale as soon as the window is resized), else `COLUMNS`, else
/// [`DEFAULT_COLUMNS`] so that piped output does not depend on where it was made.
pub fn columns(tty_width: Option<usize>, env_columns: Option<&str>) -> usize {
    tty_width
        .filter(|&w| w > 0)
        .or_else(|| {
            env_columns
                .and_then(|c| c.trim().parse().ok())
                .filter(|&w| w > 0)
        })
        .unwrap_or(DEFAULT_COLUMNS)
}

/// Colour only on a terminal, and not when `NO_COLOR` is set to something: no-color.org
/// says an empty `NO_COLOR` does not count.
pub fn colour(tty: bool, no_color: Option<&OsStr>) -> bool {
    tty && no_color.is_none_or(OsStr::is_empty)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_terminal_s_own_width_wins() {
        assert_eq!(columns(Some(70), None), 70);
        assert_eq!(columns(Some(70), Some("120")), 70);
    }

    #[test]
    fn columns_when_not_on_a_terminal() {
        assert_eq!(columns(None, Some("120")), 120);
        assert_eq!(columns(None, Some(" 64\n")), 64);
    }

    #[test]
    fn the_default_when_nothing_says() {
        assert_eq!(columns(None, None), DEFAULT_COLUMNS);
        assert_eq!(columns(None, Some("")), DEFAULT_COLUMNS);
        assert_eq!(columns(None, Some("wide")), DEFAULT_COLUMNS);
        assert_eq!(columns(None, Some("0")), DEFAULT_COLUMNS);
        // A terminal that reports no size (some serial consoles) is as good as none.
        assert_eq!(columns(Some(0), Some("90")), 90);
    }

    #[test]
    fn colour_only_on_a_terminal() {
        assert!(colour(true, None));
        assert!(!colour(false, None));
        assert!(!colour(false, Some(OsStr::new(""))));
    }

    #[test]
    fn only_a_non_empty_no_color_turns_colour_off() {
        assert!(colour(true, Some(OsStr::new(""))));
        assert!(!colour(true, Some(OsStr::new("1"))));
        assert!(!colour(true, Some(OsStr::new("0"))));
    }
}
