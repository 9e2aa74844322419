//! Decoding: bytes -> text, or why they are not text.

/// Drops an incomplete UTF-8 (or UTF-16) character at the end of a prefix of a file.
pub(crate) fn trim_partial_char(bytes: &mut Vec<u8>) {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        if bytes.len() % 2 == 1 {
            bytes.pop();
        }
        return;
    }
    if let Err(e) = std::str::from_utf8(bytes)
        && e.error_len().is_none()
    {
        bytes.truncate(e.valid_up_to());
    }
}

/// Decodes bytes as text, or says why they are not text.
pub fn decode(bytes: &[u8]) -> std::result::Result<String, String> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return decode(rest);
    }
    let utf16 = |le: bool, rest: &[u8]| {
        if !rest.len().is_multiple_of(2) {
            return Err("UTF-16 text with an odd number of bytes".to_string());
        }
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| {
                if le {
                    u16::from_le_bytes([c[0], c[1]])
                } else {
                    u16::from_be_bytes([c[0], c[1]])
                }
            })
            .collect();
        String::from_utf16(&units).map_err(|_| "invalid UTF-16 text".to_string())
    };
    // A byte-order mark alone does not make UTF-16: a Latin-1 file may start with `ÿþ`. Text
    // in UTF-16 has characters below U+0100 (spaces, line breaks, digits), so some high bytes
    // are 0; Latin-1 text has no NUL byte at all.
    let zero_high = |rest: &[u8], high: usize| rest.iter().skip(high).step_by(2).any(|&b| b == 0);
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE])
        && (rest.is_empty() || zero_high(rest, 1))
    {
        return utf16(true, rest);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF])
        && (rest.is_empty() || zero_high(rest, 0))
    {
        return utf16(false, rest);
    }
    if bytes[..bytes.len().min(8192)].contains(&0) {
        return Err("binary file (contains NUL bytes), not text".into());
    }
    String::from_utf8(bytes.to_vec()).map_err(|e| {
        format!(
            "not valid UTF-8 (invalid byte at offset {}); convert it to UTF-8 first",
            e.utf8_error().valid_up_to()
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoding() {
        assert_eq!(decode(b"\xEF\xBB\xBFhi").unwrap(), "hi");
        assert_eq!(decode(b"\xFF\xFEh\0i\0").unwrap(), "hi");
        assert!(
            decode(b"\x89PNG\r\n\x1a\n\0\0")
                .unwrap_err()
                .contains("binary")
        );
        assert!(decode(b"caf\xE9").unwrap_err().contains("UTF-8"));
    }

    #[test]
    fn regression_latin_text_starting_with_y_thorn_is_not_utf16() {
        // "ÿþ" in Latin-1 is FF FE, the UTF-16 little-endian byte-order mark.
        let latin = b"\xFF\xFEcole de Paris, r\xE9sum\xE9 de la semaine.";
        let err = decode(latin).unwrap_err();
        assert!(err.contains("UTF-8"), "{err}");
        // Real UTF-16 with the same mark still decodes.
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend("بحث الوزير".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(&utf16).unwrap(), "بحث الوزير");
    }
}
