// C++ with the shared libstdc++ and libgcc_s: iostream, containers, strings, virtual calls and an
// exception thrown and caught across frames (unwinding through libgcc_s.so.1).
#include <algorithm>
#include <iostream>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

struct Shape {
    virtual ~Shape() = default;
    virtual double area() const = 0;
    virtual std::string name() const = 0;
};
struct Square : Shape {
    double side;
    explicit Square(double s) : side(s) {}
    double area() const override { return side * side; }
    std::string name() const override { return "square"; }
};
struct Rectangle : Shape {
    double width, height;
    Rectangle(double w, double h) : width(w), height(h) {}
    double area() const override { return width * height; }
    std::string name() const override { return "rectangle"; }
};

static int checked_divide(int a, int b) {
    if (b == 0) throw std::invalid_argument("division by zero");
    return a / b;
}

int main() {
    std::vector<std::unique_ptr<Shape>> shapes;
    shapes.push_back(std::make_unique<Square>(3));
    shapes.push_back(std::make_unique<Rectangle>(2, 5));
    shapes.push_back(std::make_unique<Square>(1.5));
    std::sort(shapes.begin(), shapes.end(), [](auto &a, auto &b) { return a->area() < b->area(); });
    for (auto &shape : shapes) std::cout << shape->name() << " " << shape->area() << "\n";

    std::map<std::string, int> words;
    for (std::string word : {"pear", "apple", "pear", "fig", "apple", "pear"}) words[word]++;
    for (auto &[word, count] : words) std::cout << word << "=" << count << " ";
    std::cout << "\n";

    try {
        std::cout << checked_divide(10, 2) << "\n";
        std::cout << checked_divide(1, 0) << "\n";
    } catch (const std::exception &error) {
        std::cout << "caught: " << error.what() << "\n";
    }
    return 0;
}
