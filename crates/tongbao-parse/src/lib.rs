//! tongbao-parse (under construction).
