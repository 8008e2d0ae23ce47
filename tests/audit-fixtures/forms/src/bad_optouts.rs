// Opt-outs without a reason are findings, and their comments are never printed.

// resources-audit: allow() hunter2-in-a-comment
pub const A: &str = "postgres://app@db.internal/a";
// resources-audit: allow-item
pub const B: &str = "postgres://app@db.internal/b";
/* resources-audit: allow-block(   ) hunter2-in-a-block */
pub const C: &str = "postgres://app@db.internal/c";
// resources-audit: allow-everything(a reason, but no such form)
pub const D: &str = "postgres://app@db.internal/d";
