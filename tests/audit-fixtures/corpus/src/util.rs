pub fn is_valid_email(address: &str) -> bool {
    address.contains('@') && !address.starts_with("mailto:")
}

#[cfg(test)]
mod tests;
