# Sources of core/services: the device's use cases, combining rules and store.
target_sources(karvan_core PRIVATE
  services/orderservice.h services/orderservice.cpp
)
