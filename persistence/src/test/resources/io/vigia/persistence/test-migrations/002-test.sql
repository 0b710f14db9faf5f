INSERT INTO settings(key, value, updated_at) VALUES ('added-by-002', 'true', 0);
