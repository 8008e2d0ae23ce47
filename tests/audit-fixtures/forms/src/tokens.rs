// A token as user name is a credential; a plain user name is not.

pub const GITHUB_API: &str = "https://ghp_Zq3kT9vXw2LmN8pR4sY6uB1cD5eF7gH0jK2m@api.github.com/repos";
pub const GIT_REMOTE: &str = "https://TOKEN:x-oauth-basic@github.com/org/repo.git";
pub const SSH_REMOTE: &str = "ssh://git@github.com/org/repo.git";
