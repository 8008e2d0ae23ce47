fn main() { println!("{}", "redis://localhost:6379"); }
