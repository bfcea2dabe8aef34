CREATE TABLE items(id INTEGER PRIMARY KEY, name TEXT, price REAL, qty INTEGER);
INSERT INTO items(name, price, qty) VALUES ('apple', 0.5, 10), ('pear', 0.75, 4), ('fig', 2.25, 7), ('kiwi', 0.3, 21);
CREATE INDEX by_price ON items(price);
SELECT name, price * qty AS total FROM items ORDER BY total DESC;
SELECT count(*), sum(qty), round(avg(price), 3), max(name) FROM items;
WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 10) SELECT group_concat(x * x, ' ') FROM n;
UPDATE items SET qty = qty - 1 WHERE price < 1;
SELECT name, qty FROM items WHERE qty % 2 = 1 ORDER BY name;
SELECT printf('%08.3f|%-6s|%x', 3.14159, 'ab', 255), upper('mixed Case'), length(hex(randomblob(8)));
