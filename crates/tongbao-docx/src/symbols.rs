//! Characters from symbol fonts. Word stores a `w:sym` character, and the
//! bullet of a list level in Symbol or Wingdings, as a code in the private-use
//! range U+F020–U+F0FF whose glyph depends on the font; the common ones are
//! mapped to the Unicode character that looks the same.

/// Where a symbol font places its glyphs in the private-use area.
const SYMBOL_FONT_BASE: u32 = 0xF000;

/// The character for `code` in `font`: the Unicode equivalent of a known
/// symbol-font glyph, the code itself when it is an ordinary character, and
/// `None` for a private-use glyph tongbao cannot name.
pub(crate) fn symbol_char(font: Option<&str>, code: u32) -> Option<char> {
    let Some(glyph) = code
        .checked_sub(SYMBOL_FONT_BASE)
        .filter(|glyph| *glyph <= 0xFF)
    else {
        return char::from_u32(code).filter(|character| !is_private_use(*character));
    };
    let font = font.unwrap_or_default().trim();
    if font.eq_ignore_ascii_case("Symbol") {
        symbol_glyph(glyph)
    } else if font.eq_ignore_ascii_case("Wingdings") {
        wingdings_glyph(glyph)
    } else {
        None
    }
}

/// Replaces the known symbol-font glyphs in a list level's text.
pub(crate) fn map_symbol_text(font: Option<&str>, text: &str) -> String {
    text.chars()
        .map(|character| {
            if is_private_use(character) {
                symbol_char(font, u32::from(character)).unwrap_or(character)
            } else {
                character
            }
        })
        .collect()
}

fn is_private_use(character: char) -> bool {
    ('\u{E000}'..='\u{F8FF}').contains(&character)
}

fn symbol_glyph(glyph: u32) -> Option<char> {
    match glyph {
        0xA7 => Some('♣'),
        0xA8 => Some('♦'),
        0xA9 => Some('♥'),
        0xAA => Some('♠'),
        0xB4 => Some('×'),
        0xB7 => Some('•'),
        0xB8 => Some('÷'),
        0xD6 => Some('√'),
        _ => None,
    }
}

fn wingdings_glyph(glyph: u32) -> Option<char> {
    match glyph {
        0x6C => Some('●'),
        0x6E => Some('■'),
        0x71 => Some('❑'),
        0x75 => Some('◆'),
        0x76 => Some('❖'),
        0xA1 => Some('○'),
        0xA7 => Some('▪'),
        0xA8 => Some('◻'),
        0xD8 => Some('➢'),
        0xFB => Some('✗'),
        0xFC => Some('✓'),
        0xFE => Some('☑'),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_known_glyphs_by_font() {
        assert_eq!(symbol_char(Some("Wingdings"), 0xF0FC), Some('✓'));
        assert_eq!(symbol_char(Some("symbol"), 0xF0B7), Some('•'));
        assert_eq!(symbol_char(Some("Webdings"), 0xF0FC), None);
        assert_eq!(symbol_char(None, 0x2714), Some('✔'));
        assert_eq!(symbol_char(None, 0xE000), None);
        assert_eq!(symbol_char(None, 0xD800), None);
    }

    #[test]
    fn maps_bullet_text() {
        assert_eq!(map_symbol_text(Some("Symbol"), "\u{F0B7}"), "•");
        assert_eq!(map_symbol_text(Some("Courier New"), "o"), "o");
        assert_eq!(map_symbol_text(None, "\u{F0B7}"), "\u{F0B7}");
    }
}
