//! The `taipan` command line (see [`taipan::cli`]).
use mimalloc::MiMalloc;

#[global_allocator]
static GLOBAL: MiMalloc = MiMalloc;

fn main() {
    let status = taipan::cli::main(std::env::args_os().collect());
    std::process::exit(status);
}
