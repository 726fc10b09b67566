// Policybot in one resource group: App Service on Linux (Node 22 LTS) running the server
// alone, Azure Bot with the Teams channel, a user-assigned managed identity that reads
// Key Vault, Key Vault with the client secret and the storage connection string, a
// Storage account for the shared bot state, Application Insights on Log Analytics.
// Deployed by m365agents.yml (arm/deploy) or `az deployment group create` (README,
// "Deploy to your tenant"). Every setting the server reads is either set below or left at
// its default on purpose: test/infra/deploy-templates.test.ts keeps the two lists honest.

@minLength(4)
@maxLength(20)
@description('Lower-case letters and digits; the start of every resource name (storage and Key Vault names add a hash of the resource group).')
param resourceBaseName string

@description('Region of everything but the bot registration (global).')
param location string = resourceGroup().location

@description('Client (application) id of the Entra app the bot signs in as and calls Graph with (aadApp/create: BOT_ID).')
param botAadAppClientId string

@secure()
@description('Client secret of that app (aadApp/create: SECRET_BOT_PASSWORD). Stored in Key Vault only.')
param botAadAppClientSecret string

@description('Tenant of that app (aadApp/create: BOT_TENANT_ID).')
param botAadAppTenantId string

@description('Teams app id of the manifest (teamsApp/create: TEAMS_APP_ID).')
param teamsAppId string

@description('Id of the app in the organisation\'s app catalog (teamsApp/publishAppPackage: TEAMS_APP_PUBLISHED_APP_ID). Empty: looked up through Graph (AppCatalog.Read.All).')
param teamsCatalogAppId string = ''

@maxLength(42)
@description('Name of the bot in Azure Bot Service.')
param botDisplayName string = 'Policybot'

@description('App Service plan SKU. B1 or larger (Always On; F1 has none).')
param webAppSku string = 'B1'

@minValue(1)
@maxValue(10)
@description('Instances of the bot. All state is in the storage account and SharePoint, so any instance serves any request.')
param instanceCount int = 1

@allowed(['F0', 'S1'])
@description('Azure Bot SKU. Teams is a standard channel: F0 has no message limit there.')
param botServiceSku string = 'F0'

@description('Policy pack answered from (a folder under policies/ in the deployment).')
param policyPack string

@description('SharePoint site of the incident and approval lists: host and path (contoso.sharepoint.com:/sites/ai) or a Graph site id.')
param sharePointSite string

@description('Teams id of the security channel or chat that gets incident notices (19:…@thread.tacv2). Empty: the reporter\'s own conversation.')
param incidentNotifyConversation string = ''

@description('Bot Connector URL for conversations the bot has not seen yet (incident channel, approvers\' chats).')
param botConnectorServiceUrl string = 'https://smba.trafficmanager.net/teams/'

@description('Entra object id of the head of operations (verksamhetschef), if the policy names one.')
param approvalHeadOfOperationsId string = ''

@description('Entra object id of the CEO (VD), who decides purchases where the policy says so.')
param approvalCeoId string = ''

@description('Entra object id of the admin who gets requests no manager can take, and escalations.')
param approvalAdminId string = ''

@description('Entra group (object id) whose members see the tab\'s admin dashboard; empty: only holders of the Policybot.Admin app role.')
param tabAdminGroupId string = ''

@allowed(['true', 'false'])
@description('Install the app for an approver through Graph when the bot has no chat with them (TeamsAppInstallation.ReadWriteSelfForUser.All).')
param approvalInstallApp string = 'true'

@allowed(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
param logLevel string = 'info'

var suffix = uniqueString(resourceGroup().id)
var stateContainerName = 'policybot-state'
// the server's own folder for SQLite: the instance's local disk. /home is a network share
// (CIFS) on which SQLite cannot lock; what lives here in production is listed in the README
var dataDir = '/tmp/policybot'
var keyVaultSecretsUserRole = '4633458b-17de-408a-b874-0445c86b69e6'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${resourceBaseName}-id'
  location: location
}

resource logs 'Microsoft.OperationalInsights/workspaces@2022-10-01' = {
  name: '${resourceBaseName}-logs'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${resourceBaseName}-insights'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
  }
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: take('st${resourceBaseName}${suffix}', 24)
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_ZRS' }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    // the server reaches Blob Storage with a connection string (STATE_STORE=blob)
    allowSharedKeyAccess: true
  }
}

resource blobs 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource stateContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobs
  name: stateContainerName
  properties: { publicAccess: 'None' }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: take('kv${resourceBaseName}${suffix}', 24)
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
  }
}

resource botSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'bot-client-secret'
  properties: { value: botAadAppClientSecret }
}

resource storageSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'storage-connection-string'
  properties: {
    value: 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'
  }
}

// the identity reads the secrets (Key Vault references in the app settings), nothing more
resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, identity.id, keyVaultSecretsUserRole)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRole)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${resourceBaseName}-plan'
  location: location
  kind: 'linux'
  sku: { name: webAppSku, capacity: instanceCount }
  properties: { reserved: true }
}

var botSecretRef = '@Microsoft.KeyVault(SecretUri=${botSecret.properties.secretUri})'

resource web 'Microsoft.Web/sites@2023-12-01' = {
  // host names and bot handles are global: the resource group's hash keeps them apart
  name: '${resourceBaseName}-${suffix}'
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'NODE|22-lts'
      // the server alone, never `npm start` (the local demo with the Playground). package.json's
      // start:prod: the heap grows by half its live size between full collections, not up to 4x
      // (peak RSS under load ~215 MB instead of ~350 MB: README, Measured)
      appCommandLine: 'node --heap-growing-percent=50 dist/src/index.js'
      alwaysOn: true
      http20Enabled: true
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      healthCheckPath: '/readyz'
      appSettings: [
        // --- platform: build on App Service (native modules for Linux), telemetry ---
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'true' }
        // dist/ is built before the upload; App Service only installs the production dependencies
        { name: 'CUSTOM_BUILD_COMMAND', value: 'npm ci --omit=dev --no-audit --no-fund' }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
        // --- Policybot (src/config.ts) ---
        { name: 'NODE_ENV', value: 'production' }
        { name: 'MICROSOFT_APP_ID', value: botAadAppClientId }
        { name: 'MICROSOFT_APP_PASSWORD', value: botSecretRef }
        { name: 'MICROSOFT_APP_TENANT_ID', value: botAadAppTenantId }
        { name: 'MICROSOFT_APP_TYPE', value: 'SingleTenant' }
        { name: 'TEAMS_APP_ID', value: teamsAppId }
        { name: 'TEAMS_CATALOG_APP_ID', value: teamsCatalogAppId }
        { name: 'POLICY_PACK', value: policyPack }
        { name: 'DATA_DIR', value: dataDir }
        { name: 'LOG_LEVEL', value: logLevel }
        { name: 'INCIDENT_STORE', value: 'sharepoint' }
        { name: 'APPROVAL_STORE', value: 'sharepoint' }
        { name: 'DIRECTORY', value: 'graph' }
        { name: 'SHAREPOINT_SITE', value: sharePointSite }
        { name: 'GRAPH_CLIENT_SECRET', value: botSecretRef }
        { name: 'INCIDENT_NOTIFY_CONVERSATION', value: incidentNotifyConversation }
        { name: 'INCIDENT_NOTIFY_SERVICE_URL', value: botConnectorServiceUrl }
        { name: 'APPROVAL_SERVICE_URL', value: botConnectorServiceUrl }
        { name: 'APPROVAL_HEAD_OF_OPERATIONS_ID', value: approvalHeadOfOperationsId }
        { name: 'APPROVAL_CEO_ID', value: approvalCeoId }
        { name: 'APPROVAL_ADMIN_ID', value: approvalAdminId }
        { name: 'TAB_ADMIN_GROUP_ID', value: tabAdminGroupId }
        { name: 'TAB_ADMIN_APP_ROLE', value: 'Policybot.Admin' }
        { name: 'APPROVAL_INSTALL_APP', value: approvalInstallApp }
        { name: 'STATE_STORE', value: 'blob' }
        { name: 'AZURE_STORAGE_CONNECTION_STRING', value: '@Microsoft.KeyVault(SecretUri=${storageSecret.properties.secretUri})' }
        { name: 'STATE_BLOB_CONTAINER', value: stateContainerName }
      ]
    }
  }
  // the Key Vault references resolve on the first start only once the identity may read
  dependsOn: [secretsUser, stateContainer]
}

// the server's JSON logs (stdout), HTTP and platform logs into Log Analytics
resource webLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: web
  name: 'to-log-analytics'
  properties: {
    workspaceId: logs.id
    logs: [
      { category: 'AppServiceConsoleLogs', enabled: true }
      { category: 'AppServiceHTTPLogs', enabled: true }
      { category: 'AppServicePlatformLogs', enabled: true }
    ]
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${resourceBaseName}-${suffix}'
  location: 'global'
  kind: 'azurebot'
  sku: { name: botServiceSku }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${web.properties.defaultHostName}/api/messages'
    msaAppId: botAadAppClientId
    msaAppTenantId: botAadAppTenantId
    msaAppType: 'SingleTenant'
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: { isEnabled: true }
  }
}

// upper-case outputs become environment variables of the Agents Toolkit environment
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = web.id
output BOT_DOMAIN string = web.properties.defaultHostName
output BOT_ENDPOINT string = 'https://${web.properties.defaultHostName}'
output AZURE_KEY_VAULT_NAME string = vault.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.name
