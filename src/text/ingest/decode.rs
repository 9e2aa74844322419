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
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(true, rest);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
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
}
