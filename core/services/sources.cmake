# Sources of core/services: the device's use cases, combining rules and store.
target_sources(karvan_core PRIVATE
  services/orderservice.h services/orderservice.cpp
  services/hlcsource.h services/hlcsource.cpp
  services/customerfields.h services/customerfields.cpp
  services/customerservice.h services/customerservice.cpp
  services/ticketservice.h services/ticketservice.cpp
  services/activityservice.h services/activityservice.cpp
  services/conflictreview.h services/conflictreview.cpp
  services/attachmentservice.h services/attachmentservice.cpp
)
