#include "tests/support/station.h"

namespace test {

content::Date testDay()
{
    return std::chrono::year{2026} / std::chrono::June / std::chrono::day{3};
}

Station::Station(std::string_view prefix)
    : tmp(prefix), dir{tmp.path / "data"}, store(content::Store::open(dir, testDay()))
{
}

content::ImportOptions Station::options(content::PackageSource source, bool allowUnsigned) const
{
    content::ImportOptions options;
    options.source = source;
    options.allowUnsigned = allowUnsigned;
    options.now = content::LocalDateTime{testDay(), 9 * 60};
    return options;
}

content::ImportReport Station::run(const fs::path& package, content::PackageSource source, bool allowUnsigned)
{
    return content::importPackage(store, dir, package, options(source, allowUnsigned));
}

} // namespace test
