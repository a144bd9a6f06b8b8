CREATE TABLE init_marker (id INT);
