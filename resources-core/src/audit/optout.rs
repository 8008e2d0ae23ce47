//! The opt-out comments: `// resources-audit: allow(<reason>)` and its item, block and file forms.

/// The marker of an opt-out comment.
pub const ALLOW_MARKER: &str = "resources-audit: allow";

/// What an opt-out covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Form {
    /// `allow(…)`: literals on the comment's line and the next line.
    Line,
    /// `allow-item(…)`: the next item (to its `;` or the `}` closing its body).
    Item,
    /// `allow-block(…)`: the rest of the enclosing `{ … }` block (at the top level, the file).
    Block,
    /// `allow-file(…)`: the whole file.
    File,
}

/// An opt-out found in a comment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct OptOut {
    /// What it covers; `None` for an unknown form (`allow-everything(…)`), which covers nothing.
    pub form: Option<Form>,
    /// Whether it gives a non-empty reason in parentheses.
    pub has_reason: bool,
    /// Byte offset of the marker in the comment text.
    pub at: usize,
}

/// The opt-out in one line of a comment, if the line holds the marker. `at_start` asks for the
/// marker as the first word (after `*` and blanks), for doc comments, which may mention it.
pub(super) fn parse(line: &str, at_start: bool) -> Option<OptOut> {
    super::work::tick(line.len());
    let at = line.find(ALLOW_MARKER)?;
    if at_start
        && !line[..at]
            .chars()
            .all(|c| c.is_whitespace() || c == '*' || c == '!' || c == '/')
    {
        return None;
    }
    let rest = &line[at + ALLOW_MARKER.len()..];
    let (form, rest) = if let Some(r) = rest.strip_prefix("-item") {
        (Some(Form::Item), r)
    } else if let Some(r) = rest.strip_prefix("-block") {
        (Some(Form::Block), r)
    } else if let Some(r) = rest.strip_prefix("-file") {
        (Some(Form::File), r)
    } else if rest.starts_with('(') || rest.trim().is_empty() {
        (Some(Form::Line), rest)
    } else {
        (None, rest)
    };
    let has_reason = rest
        .strip_prefix('(')
        .and_then(reason)
        .is_some_and(|r| !r.trim().is_empty());
    Some(OptOut {
        form,
        has_reason,
        at,
    })
}

/// The text up to the `)` that closes the opt-out's `(` (parentheses inside nest).
fn reason(after_open: &str) -> Option<&str> {
    let mut depth = 0usize;
    for (i, c) in after_open.char_indices() {
        match c {
            '(' => depth += 1,
            ')' if depth == 0 => return Some(&after_open[..i]),
            ')' => depth -= 1,
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_and_reasons() {
        let p = |s| parse(s, false).map(|o| (o.form, o.has_reason));
        assert_eq!(
            p(" resources-audit: allow(fixture)"),
            Some((Some(Form::Line), true))
        );
        assert_eq!(
            p(" resources-audit: allow()"),
            Some((Some(Form::Line), false))
        );
        assert_eq!(
            p(" resources-audit: allow"),
            Some((Some(Form::Line), false))
        );
        assert_eq!(
            p(" resources-audit: allow-item(x)"),
            Some((Some(Form::Item), true))
        );
        assert_eq!(
            p(" resources-audit: allow-block( )"),
            Some((Some(Form::Block), false))
        );
        assert_eq!(
            p(" resources-audit: allow-file(x)"),
            Some((Some(Form::File), true))
        );
        assert_eq!(p(" resources-audit: allowed(x)").map(|p| p.0), Some(None));
        assert_eq!(p(" resources-audit: allow-all(x)").map(|p| p.0), Some(None));
        assert_eq!(p(" nothing here"), None);
        assert_eq!(
            p(" resources-audit: allow(a (b) c)"),
            Some((Some(Form::Line), true))
        );
        assert_eq!(
            p(" resources-audit: allow() x)"),
            Some((Some(Form::Line), false))
        );
        assert_eq!(
            p(" resources-audit: allow(unclosed"),
            Some((Some(Form::Line), false))
        );
        // In doc comments only as the first word.
        assert_eq!(parse(" see `resources-audit: allow-file(x)`", true), None);
        assert!(parse(" resources-audit: allow-file(x)", true).is_some());
    }
}
