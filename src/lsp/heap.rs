//! The server's heap: how glibc is told to give memory back to the system.
//!
//! A language server lives for hours and sees the odd huge document. glibc's defaults keep
//! what such a document used: freeing one large block raises its thresholds for mapping and
//! trimming (up to 32 and 64 MB), after which the freed top of a thread's heap is never given
//! back, and `malloc_trim` does not touch that top either. Measured (`cargo test --release
//! --test adversarial closing`): 86 MB resident after a 30 MB document was closed, 12 MB
//! before it was opened. Fixed thresholds keep the behaviour of a small process.

/// Blocks of at least this size are mapped on their own, so freeing one returns it at once.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const MMAP_THRESHOLD: i32 = 1 << 20;
/// Free memory above this at the top of a heap is given back when a block is freed.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const TRIM_THRESHOLD: i32 = 4 << 20;

#[cfg(all(target_os = "linux", target_env = "gnu"))]
extern "C" {
    fn mallopt(param: i32, value: i32) -> i32;
    fn malloc_trim(pad: usize) -> i32;
}

/// Fixes glibc's mapping and trimming thresholds (setting them turns off their growth).
/// Called once when the server starts; does nothing off glibc.
pub fn configure() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        // glibc's malloc.h: M_TRIM_THRESHOLD = -1, M_MMAP_THRESHOLD = -3
        const M_TRIM_THRESHOLD: i32 = -1;
        const M_MMAP_THRESHOLD: i32 = -3;
        // SAFETY: mallopt only changes allocator parameters; it has no preconditions.
        unsafe {
            mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD);
            mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD);
        }
    }
}

/// Returns freed heap memory to the system (glibc keeps it otherwise).
pub fn release_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only releases free pages of glibc's heap; it has no preconditions.
    unsafe {
        malloc_trim(0);
    }
}
