//! tongbao-package (under construction).
