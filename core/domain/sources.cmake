target_sources(karvan_core PRIVATE
  domain/result.h
  domain/attachmentrules.h
  domain/money.h domain/money.cpp
  domain/quantity.h domain/quantity.cpp
  domain/ids.h domain/ids.cpp
  domain/customer.h
  domain/catalog.h
  domain/inventory.h
  domain/documents.h domain/documents.cpp
  domain/service.h
  domain/names.h domain/names.cpp
  domain/json.h domain/json.cpp
  domain/wirerows.h domain/wirerows.cpp
)
