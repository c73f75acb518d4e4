//! Register bytecode: the instruction set ([`opcode`]), code objects
//! ([`code`]) and the disassembler ([`dis`]).

pub mod code;
pub mod dis;
pub mod opcode;
