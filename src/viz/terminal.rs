//! Where a chart is drawn: how wide it may be. The decision is a pure function of what was
//! found out about the terminal and the environment, so it is tested without one.

/// The width when nothing says otherwise (output piped or captured, no `COLUMNS`).
pub const DEFAULT_COLUMNS: usize = 100;

/// How wide a chart written to stderr may be.
pub fn stderr_columns() -> usize {
    // `console` asks the terminal itself (and answers None when stderr is not one).
    let tty_width = console::Term::stderr()
        .size_checked()
        .map(|(_rows, cols)| usize::from(cols));
    let env_columns = std::env::var("COLUMNS").ok();
    columns(tty_width, env_columns.as_deref())
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
}
