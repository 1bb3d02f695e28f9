/// Everything a key can ask for outside dialogs.
public enum Action: Sendable, Equatable {
  case up, down, pageUp, pageDown, top, bottom, left, right, open, back
  case nextView, previousView, show(ViewID)
  case search, nextMatch, previousMatch
  case cycleStatusFilter, toggleQuickWins, cycleHorizon, clearFilters, cycleSort, reverseSort, toggleDetail
  case editProgress, editItem, addInitiative, addComponent, remove, moveInitiative
  case addMilestone, milestoneDone, removeMilestone, memberWeight, reportDate, tolerance
  case zoomIn, zoomOut, jumpToReportDate
  case save, undo, redo, quit, present, toggleChart, toggleMeeting, newAgreement, compare
  case scrollDetailDown, scrollDetailUp, nextAttention, previousAttention, triage
}
