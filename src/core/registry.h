// What every registry (src/core/*_registry.h, src/data/dataset_registry.h) offers over its table of
// entries: iteration in table order, lookup by name, and the names as one list for messages.
#pragma once
#include <cstddef>
#include <cstring>
#include <string>
#include <vector>

#include "expected.h"

namespace nn {

template <typename Entry>
class Registry {
 public:
  template <std::size_t N>
  constexpr Registry(const Entry (&table)[N]) : first_(table), last_(table + N) {}  // NOLINT: implicit on purpose

  const Entry* begin() const { return first_; }
  const Entry* end() const { return last_; }
  std::size_t size() const { return static_cast<std::size_t>(last_ - first_); }

  // nullptr when no entry has this name.
  const Entry* find(const std::string& name) const {
    for (const Entry& entry : *this)
      if (name == entry.name) return &entry;
    return nullptr;
  }

  // Every name, in table order (a spec reader's list of choices).
  std::vector<std::string> nameList() const {
    std::vector<std::string> list;
    for (const Entry& entry : *this) list.push_back(entry.name);
    return list;
  }

  // The kind named `name`, or the error every registry gives for a name it does not hold:
  // "unknown activation 'lineer' (expected one of: linear, sigmoid, ...)" (a name over 40
  // characters is shown cut, with "...": it may come from a pasted file).
  // (A template so that registries of entries without a kind, e.g. parameter tables, still compile.)
  template <typename E = Entry>
  auto kindOf(const std::string& name, const char* what) const -> Expected<decltype(E::kind)> {
    if (const E* entry = find(name)) return entry->kind;
    const std::string shown = name.size() > 40 ? name.substr(0, 40) + "..." : name;
    const std::string allowed = names();
    return Error{"",
                 "unknown " + std::string(what) + " '" + shown + "' (expected one of: " + allowed + ")",
                 ErrorCode::Choice,
                 {{"got", shown}, {"allowed", allowed}}};
  }

  // "linear, sigmoid, tanh, ...": the choices an "unknown name" error lists.
  std::string names() const {
    std::string list;
    for (const Entry& entry : *this) list += (list.empty() ? "" : ", ") + std::string(entry.name);
    return list;
  }

 private:
  const Entry* first_;
  const Entry* last_;
};

// Whether an entry's nullptr-terminated list of parameter names (`reads`) holds `name`.
template <std::size_t N>
bool listsName(const char* const (&names)[N], const char* name) {
  for (std::size_t i = 0; i < N && names[i]; ++i)
    if (std::strcmp(names[i], name) == 0) return true;
  return false;
}

}  // namespace nn
