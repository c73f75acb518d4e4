//! Flamegraph SVGs from folded stacks (`a;b;c COUNT` lines), rendered with
//! `inferno`; an empty profile still gives a well-formed SVG saying so.

/// Which colours to draw frames with.
#[derive(Clone, Copy, Debug)]
pub enum Palette {
    /// Rust symbols (`--profile`).
    Rust,
    /// Python functions (`--pyprofile`).
    Python,
}

/// Render `lines` (folded stacks) as a flamegraph SVG titled `title`;
/// `count_name` labels the unit of the counts ("samples").
pub fn render<'a>(
    lines: impl IntoIterator<Item = &'a str>,
    title: &str,
    count_name: &str,
    palette: Palette,
) -> Vec<u8> {
    use inferno::flamegraph::{color, Options};
    let lines: Vec<&str> = lines.into_iter().collect();
    if lines.is_empty() {
        return empty_svg(title);
    }
    let mut opts = Options::default();
    opts.title = title.to_owned();
    opts.count_name = count_name.to_owned();
    opts.hash = true;
    opts.colors = match palette {
        Palette::Rust => color::Palette::Multi(color::MultiPalette::Rust),
        Palette::Python => color::Palette::Multi(color::MultiPalette::Python),
    };
    let mut out = Vec::new();
    match inferno::flamegraph::from_lines(&mut opts, lines, &mut out) {
        Ok(()) => out,
        Err(_) => empty_svg(title),
    }
}

/// A small valid SVG for a profile without samples.
pub fn empty_svg(title: &str) -> Vec<u8> {
    format!(
        "<?xml version=\"1.0\" standalone=\"no\"?>\n\
         <svg version=\"1.1\" width=\"600\" height=\"60\" xmlns=\"http://www.w3.org/2000/svg\">\n\
         <text x=\"10\" y=\"24\" font-family=\"Verdana\" font-size=\"14\">{}</text>\n\
         <text x=\"10\" y=\"46\" font-family=\"Verdana\" font-size=\"12\">no samples: the \
         program ran too briefly</text>\n</svg>\n",
        xml_escape(title)
    )
    .into_bytes()
}

pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            _ => out.push(c),
        }
    }
    out
}

/// Make `s` usable as one frame of a folded stack (no `;`, no newline).
pub fn frame_label(s: &str) -> String {
    s.chars().map(|c| if c == ';' || c == '\n' || c == '\r' { ':' } else { c }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_and_escapes() {
        let svg = String::from_utf8(render(
            ["main;f (a.py:1) 3", "main;g<x> (a.py:2) 1"],
            "t & <u>",
            "samples",
            Palette::Python,
        ))
        .unwrap();
        assert!(svg.contains("<svg"), "{svg}");
        assert!(svg.contains("f (a.py:1)"));
        assert!(svg.contains("g&lt;x&gt;"));
        let empty = String::from_utf8(render([], "t & <u>", "samples", Palette::Rust)).unwrap();
        assert!(empty.contains("t &amp; &lt;u&gt;") && empty.ends_with("</svg>\n"));
        assert_eq!(frame_label("a;b\nc"), "a:b:c");
    }
}
