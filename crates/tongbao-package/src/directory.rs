//! Reads the entry count from a zip's end-of-central-directory record, so
//! that an archive claiming millions of entries is refused before anything
//! is allocated for them.

use crate::PackageError;

const END_RECORD_SIGNATURE: &[u8; 4] = b"PK\x05\x06";
const ZIP64_LOCATOR_SIGNATURE: &[u8; 4] = b"PK\x06\x07";
const ZIP64_END_RECORD_SIGNATURE: &[u8; 4] = b"PK\x06\x06";
const END_RECORD_LEN: usize = 22;
const ZIP64_LOCATOR_LEN: usize = 20;
/// The end record is followed by a comment of at most this many bytes.
const MAX_COMMENT_LEN: usize = u16::MAX as usize;

/// The total entry count the archive declares, from its (zip64) end record.
pub(crate) fn declared_entry_count(bytes: &[u8]) -> Result<u64, PackageError> {
    let search_from = bytes.len().saturating_sub(END_RECORD_LEN + MAX_COMMENT_LEN);
    let tail = bytes.get(search_from..).unwrap_or_default();
    let record_at = tail
        .windows(END_RECORD_SIGNATURE.len())
        .rposition(|window| window == END_RECORD_SIGNATURE)
        .map(|position| search_from + position)
        .ok_or_else(|| PackageError::NotZip {
            detail: "no end-of-central-directory record".to_owned(),
        })?;
    let entries = read_u16(bytes, record_at + 10).ok_or_else(|| PackageError::NotZip {
        detail: "end-of-central-directory record is cut short".to_owned(),
    })?;
    if entries != u16::MAX {
        return Ok(u64::from(entries));
    }
    // 0xFFFF means "see the zip64 end record"; when that is missing the zip
    // crate will report the archive as invalid, so the 16-bit count stands.
    Ok(zip64_entry_count(bytes, record_at).unwrap_or(u64::from(entries)))
}

fn zip64_entry_count(bytes: &[u8], record_at: usize) -> Option<u64> {
    let locator_at = record_at.checked_sub(ZIP64_LOCATOR_LEN)?;
    if bytes.get(locator_at..locator_at + 4)? != ZIP64_LOCATOR_SIGNATURE {
        return None;
    }
    let zip64_record_at = usize::try_from(read_u64(bytes, locator_at + 8)?).ok()?;
    if bytes.get(zip64_record_at..zip64_record_at.checked_add(4)?)? != ZIP64_END_RECORD_SIGNATURE {
        return None;
    }
    read_u64(bytes, zip64_record_at.checked_add(32)?)
}

fn read_u16(bytes: &[u8], at: usize) -> Option<u16> {
    let raw = bytes.get(at..at.checked_add(2)?)?;
    Some(u16::from_le_bytes(raw.try_into().ok()?))
}

fn read_u64(bytes: &[u8], at: usize) -> Option<u64> {
    let raw = bytes.get(at..at.checked_add(8)?)?;
    Some(u64::from_le_bytes(raw.try_into().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn end_record(entries: u16) -> Vec<u8> {
        let mut record = END_RECORD_SIGNATURE.to_vec();
        record.extend_from_slice(&[0; 6]);
        record.extend_from_slice(&entries.to_le_bytes());
        record.extend_from_slice(&[0; 10]);
        record
    }

    #[test]
    fn reads_the_sixteen_bit_count() {
        let mut bytes = b"junk before".to_vec();
        bytes.extend(end_record(7));
        assert_eq!(declared_entry_count(&bytes).unwrap(), 7);
    }

    #[test]
    fn follows_the_zip64_locator() {
        let mut bytes = ZIP64_END_RECORD_SIGNATURE.to_vec();
        bytes.extend_from_slice(&[0; 28]);
        bytes.extend_from_slice(&5_000_000u64.to_le_bytes());
        bytes.extend_from_slice(&[0; 16]);
        bytes.extend_from_slice(ZIP64_LOCATOR_SIGNATURE);
        bytes.extend_from_slice(&[0; 4]);
        bytes.extend_from_slice(&0u64.to_le_bytes());
        bytes.extend_from_slice(&[0; 4]);
        bytes.extend(end_record(u16::MAX));
        assert_eq!(declared_entry_count(&bytes).unwrap(), 5_000_000);
    }

    #[test]
    fn refuses_bytes_without_an_end_record() {
        let error = declared_entry_count(b"%PDF-1.7 not a zip").unwrap_err();
        assert!(matches!(error, PackageError::NotZip { .. }), "{error}");
    }
}
