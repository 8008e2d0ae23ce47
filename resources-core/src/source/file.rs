//! The one bounded read of a file that holds a variable: a `NAME_FILE` target or an entry of
//! a secrets directory.
//!
//! Only a regular file is read (symlinks are followed), and never more than the limit: a
//! FIFO, a device (`/dev/zero`), a socket or a directory is refused before any read, so a
//! load neither blocks nor runs out of memory.

use std::fmt;
use std::fs::{File, Metadata};
use std::io::{self, Read};
use std::path::Path;

/// Why a file was not read; its `Display` never holds the file's content.
#[derive(Debug)]
pub(crate) enum FileError {
    /// Not a regular file: what it is instead (`"a directory"`, `"a FIFO (named pipe)"`, …).
    NotRegular(&'static str),
    /// Larger than the limit (in bytes).
    TooLarge(u64),
    /// The open, the metadata or the read failed (not found, permission denied, a symlink
    /// loop, …).
    Io(io::Error),
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FileError::NotRegular(what) => write!(f, "it is {what}, not a regular file"),
            FileError::TooLarge(limit) => {
                write!(f, "it is larger than the limit of {limit} bytes")
            }
            FileError::Io(e) => write!(f, "{e}"),
        }
    }
}

/// What a file that is not a regular file is, for messages.
fn refuse(meta: &Metadata) -> Result<(), FileError> {
    let ty = meta.file_type();
    if ty.is_file() {
        return Ok(());
    }
    if ty.is_dir() {
        return Err(FileError::NotRegular("a directory"));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if ty.is_fifo() {
            return Err(FileError::NotRegular("a FIFO (named pipe)"));
        }
        if ty.is_char_device() || ty.is_block_device() {
            return Err(FileError::NotRegular("a device"));
        }
        if ty.is_socket() {
            return Err(FileError::NotRegular("a socket"));
        }
    }
    Err(FileError::NotRegular("not a regular file"))
}

/// `O_NONBLOCK`, so that opening a FIFO swapped in after the metadata check never blocks
/// (the opened file is checked again before any read). 0 where its value is not known here.
#[cfg(unix)]
const O_NONBLOCK: i32 = if cfg!(any(
    target_os = "macos",
    target_os = "ios",
    target_os = "freebsd",
    target_os = "netbsd",
    target_os = "openbsd",
    target_os = "dragonfly"
)) {
    0x4
} else if cfg!(all(
    any(target_os = "linux", target_os = "android"),
    any(
        target_arch = "x86",
        target_arch = "x86_64",
        target_arch = "arm",
        target_arch = "aarch64",
        target_arch = "riscv32",
        target_arch = "riscv64",
        target_arch = "powerpc",
        target_arch = "powerpc64",
        target_arch = "s390x",
        target_arch = "loongarch64"
    )
)) {
    0o4000
} else {
    0
};

fn open(path: &Path) -> io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(O_NONBLOCK);
    }
    options.open(path)
}

/// Reads the regular file at `path`, at most `limit` bytes (a larger file is an error, found
/// by reading one byte past the limit, whatever the metadata says).
pub(crate) fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, FileError> {
    let meta = std::fs::metadata(path).map_err(FileError::Io)?;
    refuse(&meta)?;
    if meta.len() > limit {
        return Err(FileError::TooLarge(limit));
    }
    let file = open(path).map_err(FileError::Io)?;
    refuse(&file.metadata().map_err(FileError::Io)?)?;
    let capacity = usize::try_from(meta.len().min(limit)).unwrap_or(0);
    let mut bytes = Vec::with_capacity(capacity.saturating_add(1));
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(FileError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(FileError::TooLarge(limit));
    }
    Ok(bytes)
}
