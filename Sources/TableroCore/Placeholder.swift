public enum TableroCorePlaceholder {}
