//! The `taipan` command line (see [`taipan::cli`]).
// The global allocator (mimalloc, counting bytes for the GC) is installed
// by the library.

/// The interpreter's front end and compiler recurse over the syntax tree;
/// their depth is bounded (CPython's limits), and this stack holds that bound
/// with a wide margin, in debug builds too.
const MAIN_STACK_SIZE: usize = 512 << 20;

fn main() {
    let args = std::env::args_os().collect();
    let worker = std::thread::Builder::new()
        .name("taipan-main".into())
        .stack_size(MAIN_STACK_SIZE)
        .spawn(move || taipan::cli::main(args));
    let status = match worker {
        Ok(handle) => handle.join().unwrap_or(1),
        // No thread (resource limits): run on the process's own stack.
        Err(_) => taipan::cli::main(std::env::args_os().collect()),
    };
    std::process::exit(status);
}
