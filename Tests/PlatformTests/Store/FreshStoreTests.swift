import Foundation
import Testing
@testable import StoreTestSupport

/// The test stores themselves: a PostgreSQL test without its cluster fails (never skips), naming the script
/// that starts one; a test database's URL is the admin database's with another name.
@Suite("Test stores")
struct FreshStoreTests {
    @Test func aPostgresStoreWithoutItsClusterFailsNamingTheScript() throws {
        let error = try #require(throws: TestDatabase.Problem.self) { try FreshStore(.postgres, environment: [:]) }
        #expect("\(error)".contains("PLATFORM_TEST_POSTGRES is not set: run scripts/test.sh"))
        #expect(throws: TestDatabase.Problem.self) { try FreshStore(.postgres, environment: ["PLATFORM_TEST_POSTGRES": ""]) }
    }

    @Test func aTestDatabaseIsTheAdminURLWithItsOwnName() {
        #expect(TestDatabase.url("postgres://platform_test@/postgres?host=/tmp/pg", database: "t_1")
                == "postgres://platform_test@/t_1?host=/tmp/pg")
        #expect(TestDatabase.url("postgresql://u:p@db.example.se:5433/admin", database: "t_2") == "postgresql://u:p@db.example.se:5433/t_2")
        #expect(TestDatabase.url("postgres://u@h", database: "t_3") == "postgres://u@h/t_3")
    }

    @Test func aSQLiteStoreIsAFileInItsOwnFolderRemovedWithIt() throws {
        var fresh: FreshStore? = try FreshStore(.sqlite)
        let folder = try #require(fresh?.folder)
        #expect(fresh?.location == folder.appendingPathComponent("store.sqlite").path)
        _ = try fresh?.open().counts(kommun: "exempel")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("store.sqlite").path))
        fresh = nil
        #expect(!FileManager.default.fileExists(atPath: folder.path))
    }
}
