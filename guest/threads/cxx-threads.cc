// C++: std::thread, std::mutex, std::async futures, an exception thrown in one thread and rethrown in
// another through std::exception_ptr, thread_local objects with constructors, and iostream output.
#include <future>
#include <iostream>
#include <mutex>
#include <numeric>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

struct Tracker {
    std::string name = "tracked";
    int uses = 0;
};
thread_local Tracker tracker;

int main() {
    std::mutex lock;
    long total = 0;
    std::vector<std::thread> workers;
    for (int id = 0; id < 4; id++) {
        workers.emplace_back([&, id] {
            for (int i = 0; i < 10000; i++) {
                std::lock_guard<std::mutex> guard(lock);
                total += id;
            }
            tracker.uses += id;
        });
    }
    for (auto &worker : workers) worker.join();
    std::cout << "total " << total << ", main tracker uses " << tracker.uses << '\n';

    auto squares = std::async(std::launch::async, [] {
        std::vector<long> values(1000);
        std::iota(values.begin(), values.end(), 1);
        long sum = 0;
        for (long v : values) sum += v * v;
        return sum;
    });
    std::cout << "sum of squares " << squares.get() << '\n';

    std::exception_ptr failure;
    std::thread thrower([&] {
        try {
            throw std::runtime_error("raised in a worker");
        } catch (...) {
            failure = std::current_exception();
        }
    });
    thrower.join();
    try {
        std::rethrow_exception(failure);
    } catch (const std::exception &error) {
        std::cout << "rethrown: " << error.what() << '\n';
    }
    return 0;
}
