//! tongbao: turn 销号 bulletins (Word/Excel) into typed JSON.
