"""The "What happens next" pages (Credit report, Taxes, Paying it off): inputs, sections, charts."""
