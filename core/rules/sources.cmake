# Sources of core/rules (target_sources(karvan_core PRIVATE ...))
target_sources(karvan_core PRIVATE
  rules/pricing.h rules/pricing.cpp
  rules/credit.h rules/credit.cpp
  rules/atp.h rules/atp.cpp
  rules/ticketworkflow.h rules/ticketworkflow.cpp
)
