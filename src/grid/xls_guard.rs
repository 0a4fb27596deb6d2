//! The extent an `.xls` file declares, read before calamine parses it.
//!
//! calamine's .xls reader reserves memory for the rows × columns a sheet's DIMENSIONS record
//! declares (calamine 0.38 `xls.rs:667`, `cells.reserve(rows * cols)`: a 7 KB file asked for
//! 10 GiB in the fuzz run) and then builds a dense range over the cells' positions (a cell at
//! row 65535, column 65535 is 4 billion cells). Neither can be stopped from outside once
//! started, so this module walks the file first: the compound file's directory, the
//! `Workbook` stream (a FAT or a mini-FAT chain), and its BIFF records, and reports the
//! largest box a sheet declares or uses. Everything is bounds-checked; a file this walk cannot
//! follow is left to calamine, whose errors (and contained panics) then speak.

/// The largest `(rows, columns)` box, from A1, that a sheet of the workbook declares or uses,
/// with the cell that makes it so (0-based) — `None` when the file cannot be walked.
pub(super) fn largest_box(bytes: &[u8]) -> Option<((u64, u64), (u32, u32))> {
    let stream = workbook_stream(bytes)?;
    let mut best = ((0u64, 0u64), (0u32, 0u32));
    let mut consider = |rows: u64, cols: u64, at: (u32, u32)| {
        if rows.saturating_mul(cols) > best.0.0.saturating_mul(best.0.1) {
            best = ((rows, cols), at);
        }
    };
    let mut i = 0usize;
    while i + 4 <= stream.len() {
        let typ = u16::from_le_bytes([stream[i], stream[i + 1]]);
        let len = u16::from_le_bytes([stream[i + 2], stream[i + 3]]) as usize;
        let data = &stream[i + 4..(i + 4 + len).min(stream.len())];
        match typ {
            // DIMENSIONS: BIFF8 rows are u32, BIFF5 u16.
            0x0200 => {
                let (first_row, last_row, first_col, last_col) = match data.len() {
                    14 | 16 => (
                        u64::from(u32_at(data, 0)),
                        u64::from(u32_at(data, 4)),
                        u64::from(u16_at(data, 8)),
                        u64::from(u16_at(data, 10)),
                    ),
                    10 => (
                        u64::from(u16_at(data, 0)),
                        u64::from(u16_at(data, 2)),
                        u64::from(u16_at(data, 4)),
                        u64::from(u16_at(data, 6)),
                    ),
                    _ => (0, 0, 0, 0),
                };
                // As calamine computes it (xls.rs `parse_dimensions`, then `end - start + 1` in
                // u32, which wraps in a release build when the record says end < start).
                let (rf, rl) = (first_row as u32, last_row as u32);
                let (cl, mut cf) = (last_col as u32, first_col as u32);
                if 0xFF < cf || cl < cf {
                    cf = 0;
                }
                let (rows, cols) = if rl >= 1 && cl >= 1 {
                    (
                        u64::from((rl - 1).wrapping_sub(rf).wrapping_add(1)),
                        u64::from((cl - 1).wrapping_sub(cf).wrapping_add(1)),
                    )
                } else {
                    (1, 1)
                };
                let at = (rl.saturating_sub(1).max(rf), cl.saturating_sub(1));
                consider(rows, cols, at);
            }
            // Cell records: row and column first (NUMBER, LABEL, RSTRING, BOOLERR, STRING's
            // FORMULA, RK, LABELSST, MULRK, MULBLANK, BLANK).
            0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x0006 | 0x027E | 0x00FD | 0x00BD | 0x00BE
            | 0x0201
                if data.len() >= 4 =>
            {
                let (row, col) = (u16_at(data, 0), u16_at(data, 2));
                let last_col = if matches!(typ, 0x00BD | 0x00BE) && data.len() >= 6 {
                    // MULRK/MULBLANK end with the last column.
                    u16_at(data, data.len() - 2).max(col)
                } else {
                    col
                };
                consider(
                    u64::from(row) + 1,
                    u64::from(last_col) + 1,
                    (u32::from(row), u32::from(last_col)),
                );
            }
            _ => {}
        }
        i += 4 + len;
    }
    Some(best)
}

fn u16_at(b: &[u8], i: usize) -> u16 {
    b.get(i..i + 2)
        .map(|s| u16::from_le_bytes([s[0], s[1]]))
        .unwrap_or(0)
}

fn u32_at(b: &[u8], i: usize) -> u32 {
    b.get(i..i + 4)
        .map(|s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
        .unwrap_or(0)
}

const END_OF_CHAIN: u32 = 0xFFFF_FFFE;

/// What in a compound file would make calamine's reader run away (calamine 0.38 `cfb.rs`
/// `get_chain` follows a chain until the length the file declares, and the directory's chain
/// without any bound): a directory chain that loops, or a declared length larger than the
/// file. `None` when none is found (or the file is no compound file: calamine says so).
pub(super) fn damage(bytes: &[u8]) -> Option<&'static str> {
    if bytes.len() < 512 || bytes[..8] != [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] {
        return None;
    }
    let shift = u16_at(bytes, 0x1E);
    if !(7..=16).contains(&shift) {
        return None;
    }
    let size = 1u64 << shift;
    let file = bytes.len() as u64;
    if u64::from(u32_at(bytes, 0x40)).saturating_mul(size) > file {
        return Some("迷你 FAT 的长度声明超出文件大小");
    }
    let (fat, dir_chain_loops) = fat_and_dir(bytes)?;
    if dir_chain_loops {
        return Some("目录的扇区链首尾相接（循环）");
    }
    let dir = read_chain_of(bytes, &fat, u32_at(bytes, 0x30));
    for (k, e) in dir.chunks_exact(128).enumerate() {
        let is_stream = e[66] == 2;
        let len = u64::from(u32_at(e, 120)) | (u64::from(u32_at(e, 124)) << 32);
        if (k == 0 || is_stream) && len > file {
            return Some("流的长度声明超出文件大小");
        }
    }
    let _ = fat;
    None
}

/// The FAT of a compound file, and whether the directory's chain loops.
fn fat_and_dir(bytes: &[u8]) -> Option<(Vec<u32>, bool)> {
    let shift = u16_at(bytes, 0x1E);
    let size = 1usize << shift;
    let mut fat_sectors: Vec<u32> = (0..109)
        .map(|k| u32_at(bytes, 0x4C + 4 * k))
        .filter(|&s| s < 0xFFFF_FFFA)
        .collect();
    let mut difat = u32_at(bytes, 0x44);
    let mut guard = 0;
    while difat < 0xFFFF_FFFA && guard < 1 << 16 {
        let s = sector_of(bytes, size, difat)?;
        let per = size / 4 - 1;
        fat_sectors.extend(
            (0..per)
                .map(|k| u32_at(s, 4 * k))
                .filter(|&x| x < 0xFFFF_FFFA),
        );
        difat = u32_at(s, 4 * per);
        guard += 1;
    }
    let mut fat = Vec::new();
    for id in fat_sectors {
        if let Some(s) = sector_of(bytes, size, id) {
            fat.extend((0..size / 4).map(|k| u32_at(s, 4 * k)));
        }
    }
    let mut seen = vec![false; fat.len()];
    let mut id = u32_at(bytes, 0x30);
    let mut loops = false;
    while id != END_OF_CHAIN && (id as usize) < fat.len() {
        if seen[id as usize] {
            loops = true;
            break;
        }
        seen[id as usize] = true;
        id = fat[id as usize];
    }
    Some((fat, loops))
}

fn sector_of(bytes: &[u8], size: usize, id: u32) -> Option<&[u8]> {
    let start = (id as usize).checked_add(1)?.checked_mul(size)?;
    bytes.get(start..start.checked_add(size)?)
}

/// The bytes of a FAT chain, each sector once.
fn read_chain_of(bytes: &[u8], fat: &[u32], start: u32) -> Vec<u8> {
    let size = 1usize << u16_at(bytes, 0x1E);
    let mut v = Vec::new();
    let mut seen = vec![false; fat.len()];
    let mut id = start;
    while id != END_OF_CHAIN && (id as usize) < fat.len() && !seen[id as usize] {
        seen[id as usize] = true;
        match sector_of(bytes, size, id) {
            Some(s) => v.extend_from_slice(s),
            None => break,
        }
        id = fat[id as usize];
    }
    v
}

/// The `Workbook` (BIFF8) or `Book` (BIFF5) stream of a compound file.
fn workbook_stream(bytes: &[u8]) -> Option<Vec<u8>> {
    if bytes.len() < 512 || bytes[..8] != [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] {
        return None;
    }
    let shift = u16_at(bytes, 0x1E);
    if !(7..=16).contains(&shift) {
        return None;
    }
    let size = 1usize << shift;
    let mini_shift = u16_at(bytes, 0x20).min(16);
    let sector = |id: u32| -> Option<&[u8]> {
        let start = (id as usize).checked_add(1)?.checked_mul(size)?;
        bytes.get(start..start.checked_add(size)?)
    };
    // The FAT: its sectors listed in the header (109) and the DIFAT chain.
    let mut fat_sectors: Vec<u32> = (0..109)
        .map(|k| u32_at(bytes, 0x4C + 4 * k))
        .filter(|&s| s < 0xFFFF_FFFA)
        .collect();
    let mut difat = u32_at(bytes, 0x44);
    let mut guard = 0;
    while difat < 0xFFFF_FFFA && guard < 1 << 16 {
        let s = sector(difat)?;
        let per = size / 4 - 1;
        fat_sectors.extend(
            (0..per)
                .map(|k| u32_at(s, 4 * k))
                .filter(|&x| x < 0xFFFF_FFFA),
        );
        difat = u32_at(s, 4 * per);
        guard += 1;
    }
    let mut fat = Vec::new();
    for id in fat_sectors {
        let s = sector(id)?;
        fat.extend((0..size / 4).map(|k| u32_at(s, 4 * k)));
    }
    let chain = |start: u32, table: &[u32]| -> Vec<u32> {
        let mut out = Vec::new();
        let mut seen = vec![false; table.len()];
        let mut id = start;
        // A chain that loops back ends where it would repeat.
        while id != END_OF_CHAIN && (id as usize) < table.len() && !seen[id as usize] {
            seen[id as usize] = true;
            out.push(id);
            id = table[id as usize];
        }
        out
    };
    let read_chain = |start: u32| -> Vec<u8> {
        let mut v = Vec::new();
        for id in chain(start, &fat) {
            match sector(id) {
                Some(s) => v.extend_from_slice(s),
                None => break,
            }
        }
        v
    };
    let dir = read_chain(u32_at(bytes, 0x30));
    let entries: Vec<&[u8]> = dir.chunks_exact(128).collect();
    let root = entries.first()?;
    let name_of = |e: &[u8]| -> String {
        let n = (u16_at(e, 64) as usize).min(64);
        let units: Vec<u16> = (0..n / 2).map(|k| u16_at(e, 2 * k)).collect();
        String::from_utf16_lossy(&units)
            .trim_end_matches('\0')
            .to_string()
    };
    let entry = entries
        .iter()
        .find(|e| e[66] == 2 && matches!(name_of(e).as_str(), "Workbook" | "Book"))?;
    let start = u32_at(entry, 116);
    let len = u32_at(entry, 120) as usize;
    let cutoff = u32_at(bytes, 0x38) as usize;
    let mut data = if len < cutoff {
        // In the mini stream: 64-byte sectors inside the root entry's stream.
        let mini_stream = read_chain(u32_at(root, 116));
        let minifat_bytes = read_chain(u32_at(bytes, 0x3C));
        let minifat: Vec<u32> = (0..minifat_bytes.len() / 4)
            .map(|k| u32_at(&minifat_bytes, 4 * k))
            .collect();
        let mini = 1usize << mini_shift;
        let mut v = Vec::new();
        for id in chain(start, &minifat) {
            let at = (id as usize).checked_mul(mini)?;
            match mini_stream.get(at..at.checked_add(mini)?) {
                Some(s) => v.extend_from_slice(s),
                None => break,
            }
        }
        v
    } else {
        read_chain(start)
    };
    data.truncate(len);
    Some(data)
}
