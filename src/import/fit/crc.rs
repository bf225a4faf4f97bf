//! The FIT protocol's checksums (FIT SDK, "FIT File Types: File Structure"): CRC-16 with the
//! reflected polynomial 0xA001 ([`crc16`]), and the check of every sequence of a file
//! ([`check_crcs`]; what is checked is in the documentation of [`super`]).

use super::{FORMAT, has_header};
use crate::import::{ImportError, Place};

/// The FIT CRC's tables: CRC-16 with the reflected polynomial 0xA001 (CRC-16/ARC). Table 0
/// holds the CRC of each byte value; table `k` the CRC of the byte followed by `k` zero bytes,
/// so that eight bytes are taken in one step ("slicing by eight": M. E. Kounavis and F. L.
/// Berry, "A Systematic Approach to Building High Performance Software-Based CRC Generators",
/// ISCC 2005).
const CRC_TABLES: [[u16; 256]; 8] = {
    let mut tables = [[0u16; 256]; 8];
    let mut byte = 0;
    while byte < 256 {
        let mut crc = byte as u16;
        let mut bit = 0;
        while bit < 8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xA001
            } else {
                crc >> 1
            };
            bit += 1;
        }
        tables[0][byte] = crc;
        byte += 1;
    }
    let mut k = 1;
    while k < 8 {
        let mut byte = 0;
        while byte < 256 {
            let before = tables[k - 1][byte];
            tables[k][byte] = (before >> 8) ^ tables[0][(before & 0xff) as usize];
            byte += 1;
        }
        k += 1;
    }
    tables
};

/// The FIT CRC of `bytes`, continuing from `crc` (0 to start).
///
/// ```
/// use stride::import::fit::crc16;
/// // The check value of CRC-16/ARC (Greg Cook, "Catalogue of parametrised CRC algorithms").
/// assert_eq!(crc16(0, b"123456789"), 0xBB3D);
/// // A CRC run over bytes followed by their own CRC (little-endian) comes back to zero.
/// let crc = crc16(0, b"FIT").to_le_bytes();
/// assert_eq!(crc16(crc16(0, b"FIT"), &crc), 0);
/// ```
pub fn crc16(crc: u16, bytes: &[u8]) -> u16 {
    let [t0, t1, t2, t3, t4, t5, t6, t7] = &CRC_TABLES;
    let mut chunks = bytes.chunks_exact(8);
    let crc = chunks.by_ref().fold(crc, |crc, c| {
        // The CRC so far goes into the first two bytes; each byte then counts as itself
        // followed by the zero bytes after it in the chunk.
        let [a, b] = (u16::from_le_bytes([c[0], c[1]]) ^ crc).to_le_bytes();
        t7[usize::from(a)]
            ^ t6[usize::from(b)]
            ^ t5[usize::from(c[2])]
            ^ t4[usize::from(c[3])]
            ^ t3[usize::from(c[4])]
            ^ t2[usize::from(c[5])]
            ^ t1[usize::from(c[6])]
            ^ t0[usize::from(c[7])]
    });
    chunks
        .remainder()
        .iter()
        .fold(crc, |crc, &b| (crc >> 8) ^ t0[usize::from((crc as u8) ^ b)])
}

/// Checks the CRCs of every complete sequence of a FIT file (see the module documentation) and
/// returns how many bytes of it are to be decoded: up to the end of the last sequence, leaving
/// out bytes after a complete sequence that do not start a valid one. A sequence that runs past
/// the end of the file is left to the decoder, which reports it cut short.
///
/// # Errors
/// A header CRC or file CRC that does not match, at the byte after it.
pub(super) fn check_crcs(bytes: &[u8]) -> Result<usize, ImportError> {
    let mut at = 0usize;
    while at < bytes.len() {
        let rest = &bytes[at..];
        if at > 0 && (!has_header(rest) || rest.len() < usize::from(rest[0])) {
            // Not another sequence: ignored, as before.
            return Ok(at);
        }
        let header_len = usize::from(rest[0]);
        if header_len == 14 && rest.len() >= 14 {
            let found = u16::from_le_bytes([rest[12], rest[13]]);
            let calculated = crc16(0, &rest[..12]);
            if found != 0 && found != calculated {
                if at > 0 {
                    return Ok(at);
                }
                return Err(ImportError::corrupt(
                    FORMAT,
                    Some(Place::Byte((at + 14) as u64)),
                    format!(
                        "the file header's checksum does not match (the header says {found:#06x}, \
                         its first 12 bytes give {calculated:#06x}): the header is damaged; copy \
                         or export the file again"
                    ),
                ));
            }
        }
        let data_len = rest
            .get(4..8)
            .map_or(0, |b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]));
        let end = header_len.saturating_add(usize::try_from(data_len).unwrap_or(usize::MAX));
        let (Some(sequence), Some(stored)) =
            (rest.get(..end), rest.get(end..end.saturating_add(2)))
        else {
            // Cut short: the decoder says where.
            return Ok(bytes.len());
        };
        let found = u16::from_le_bytes([stored[0], stored[1]]);
        let whole = crc16(0, sequence);
        let data_only = || crc16(0, &sequence[header_len..]);
        if found != whole && !(header_len == 14 && found == data_only()) {
            return Err(ImportError::corrupt(
                FORMAT,
                Some(Place::Byte((at + end + 2) as u64)),
                format!(
                    "the checksum does not match (the file says {found:#06x}, its content gives \
                     {whole:#06x}): the file is damaged; copy or export it again"
                ),
            ));
        }
        at += end + 2;
    }
    Ok(at)
}
