double circle_area(double radius);
long square(long side);
