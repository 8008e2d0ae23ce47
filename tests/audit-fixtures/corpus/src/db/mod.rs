//! The database: which backend a URL selects, and the pool.

pub enum DbConnType {
    Sqlite,
    Mysql,
    Postgresql,
}

impl DbConnType {
    pub fn from_url(url: &str) -> Result<DbConnType, String> {
        if url.len() > 6 && &url[..6] == "mysql:" {
            Ok(DbConnType::Mysql)
        } else if url.starts_with("postgresql:") || url.starts_with("postgres:") {
            Ok(DbConnType::Postgresql)
        } else if let Some(path) = url.strip_prefix("sqlite://") {
            let _ = path;
            Ok(DbConnType::Sqlite)
        } else {
            Err(format!(
                "`DATABASE_URL` looks like neither a MySQL, a PostgreSQL nor a SQLite URL; \
                 expected one of mysql://, postgresql://, sqlite:// (got {} characters)",
                url.len()
            ))
        }
    }
}

pub struct DbPool {
    pub kind: DbConnType,
}

impl DbPool {
    pub fn from_config(url: &str) -> Option<DbPool> {
        DbConnType::from_url(url).ok().map(|kind| DbPool { kind })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backends() {
        assert!(DbConnType::from_url("mysql://root:root@localhost/vw").is_ok());
        assert!(DbConnType::from_url("postgresql://vw:vw@localhost/vw").is_ok());
        assert!(DbConnType::from_url("sqlite://data/db.sqlite3").is_ok());
    }
}
