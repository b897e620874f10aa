//! A size limit for any reader's input.

use super::DataError;

/// `Err(DataError::TooLarge)` when `bytes` is longer than `limit`: check a fetched file before
/// reading it (the CSV reader does it for you through [`CsvOptions::max_bytes`]).
///
/// ```
/// use wasmlit::data::{check_size, DataError};
/// assert!(check_size(b"[1, 2]", 100).is_ok());
/// assert_eq!(check_size(b"[1, 2]", 4), Err(DataError::TooLarge { bytes: 6, limit: 4 }));
/// ```
///
/// [`CsvOptions::max_bytes`]: super::CsvOptions::max_bytes
pub fn check_size(bytes: &[u8], limit: usize) -> Result<(), DataError> {
    if bytes.len() > limit {
        return Err(DataError::TooLarge { bytes: bytes.len(), limit });
    }
    Ok(())
}
